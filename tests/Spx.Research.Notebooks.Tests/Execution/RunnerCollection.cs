using Spx.Research.Notebooks.Execution;

namespace Spx.Research.Notebooks.Tests.Execution;

/// <summary>
/// Tests that run notebooks share one collection: Roslyn's first compile (a second or two) is paid
/// once here, and runs do not race for the process working directory and console.
/// </summary>
[CollectionDefinition(Name)]
public sealed class RunnerCollection : ICollectionFixture<WarmRoslyn>
{
    public const string Name = "notebook runner";
}

public sealed class WarmRoslyn
{
    public WarmRoslyn()
    {
        var result = new NotebookRunner().RunAsync(TestNotebooks.Of(TestNotebooks.Code("new[] { 1 }.Sum()"))).GetAwaiter().GetResult();
        if (!result.Succeeded) throw new InvalidOperationException(result.FailureMessage);
    }
}
