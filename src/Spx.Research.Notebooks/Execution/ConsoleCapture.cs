using System.Text;

namespace Spx.Research.Notebooks.Execution;

/// <summary>
/// Captures <c>Console.Out</c>/<c>Console.Error</c> writes made by a running cell. The console is
/// process-wide, so while any run is active it is replaced by a router that sends each write to the
/// sink of the cell whose async flow made it (an <see cref="AsyncLocal{T}"/>, which follows
/// <c>await</c> and <c>Task.Run</c>) and everything else to the real console. The real writers are
/// put back when the last run ends, unless someone else replaced the console meanwhile. Console input
/// is empty meanwhile: a headless cell that reads a line gets null instead of waiting for the timeout.
/// </summary>
internal static class ConsoleCapture
{
    private static readonly AsyncLocal<Action<string, string>?> Sink = new();
    private static readonly object Gate = new();
    private static int _users;
    private static TextWriter? _realOut, _realError, _routerOut, _routerError;
    private static TextReader? _realIn, _emptyIn;

    /// <summary>Installs the router for the duration of a run.</summary>
    public static IDisposable Install()
    {
        lock (Gate)
        {
            if (_users++ == 0)
            {
                _realOut = Console.Out;
                _realError = Console.Error;
                Console.SetOut(new Router(StreamOutput.StandardOutput, _realOut));
                Console.SetError(new Router(StreamOutput.StandardError, _realError));
                _routerOut = Console.Out;
                _routerError = Console.Error;
                _realIn = Console.In;
                Console.SetIn(new StringReader(""));
                _emptyIn = Console.In;
            }
        }
        return new Release();
    }

    /// <summary>
    /// Sends this async flow's console writes to <paramref name="sink"/> (stream name, text) until
    /// disposed. Call it in the method that starts the cell so the value flows into it.
    /// </summary>
    public static Scope Route(Action<string, string> sink)
    {
        var previous = Sink.Value;
        Sink.Value = sink;
        return new Scope(previous);
    }

    internal readonly struct Scope(Action<string, string>? previous) : IDisposable
    {
        public void Dispose() => Sink.Value = previous;
    }

    private sealed class Release : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 1) return;
            lock (Gate)
            {
                if (--_users > 0) return;
                if (ReferenceEquals(Console.Out, _routerOut)) Console.SetOut(_realOut!);
                if (ReferenceEquals(Console.Error, _routerError)) Console.SetError(_realError!);
                if (ReferenceEquals(Console.In, _emptyIn)) Console.SetIn(_realIn!);
                _realOut = _realError = _routerOut = _routerError = null;
                _realIn = _emptyIn = null;
            }
        }
    }

    private sealed class Router(string stream, TextWriter real) : TextWriter
    {
        [ThreadStatic] private static bool _inSink;

        public override Encoding Encoding => real.Encoding;

        public override void Write(char value) => Send(value.ToString());

        public override void Write(string? value)
        {
            if (!string.IsNullOrEmpty(value)) Send(value);
        }

        public override void Write(char[] buffer, int index, int count) => Send(new string(buffer, index, count));

        public override void Write(ReadOnlySpan<char> buffer) => Send(new string(buffer));

        public override void WriteLine(string? value) => Send((value ?? "") + NewLine);

        public override void WriteLine() => Send(NewLine);

        public override void Flush() => real.Flush();

        private void Send(string text)
        {
            // A sink that itself writes to the console (a progress reporter echoing to Console.Out)
            // must reach the real console, not loop back into the cell.
            if (Sink.Value is { } sink && !_inSink)
            {
                _inSink = true;
                try { sink(stream, text); }
                finally { _inSink = false; }
            }
            else
            {
                real.Write(text);
            }
        }
    }
}
