using Spx.Research.Lake;

namespace Spx.Research.Simulator.Tests;

/// <summary>Counts straight from the sample lake, to check that what the simulator serves is all of it.</summary>
internal static class LakeFacts
{
    public static long Count(string sql)
    {
        using var session = LakeSession.Open(SimulatorFixture.Lake);
        return session.Scalar<long>(sql);
    }
}
