namespace Spx.Research.Ingest.Quality;

/// <summary>The hours of a session in which a dataset's bars may start (their <c>ts</c>).</summary>
public enum BarHours
{
    /// <summary>The NYSE session: 09:30 to the close (16:00, or 13:00 on an early close).</summary>
    Regular,

    /// <summary>Pre- and post-market included: 04:00 to 20:00 New York time on a session day.</summary>
    Extended,

    /// <summary>Option trading: the open to 15 minutes after the equity close.</summary>
    Options,

    /// <summary>Any time of a session day (no hours check; a bar on a closed day still fails).</summary>
    Any,
}
