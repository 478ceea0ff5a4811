using System.Text.Json;

namespace Spx.Research.Notebooks.Tests.Formats;

public class KernelTests
{
    private static JsonElement J(string json) => JsonDocument.Parse(json).RootElement.Clone();

    [Fact]
    public void Cell_kernel_name_wins_then_language_then_notebook_default_then_kernelspec()
    {
        var notebook = J("""{"polyglot_notebook":{"kernelInfo":{"defaultKernelName":"pwsh"}},"kernelspec":{"name":".net-fsharp"}}""");

        Assert.Equal("fsharp", NotebookKernels.Resolve(notebook, J("""{"polyglot_notebook":{"kernelName":"fsharp"},"dotnet_interactive":{"language":"csharp"}}"""), "x"));
        Assert.Equal("csharp", NotebookKernels.Resolve(notebook, J("""{"dotnet_interactive":{"language":"csharp"}}"""), "x"));
        Assert.Equal("pwsh", NotebookKernels.Resolve(notebook, null, "x"));
        Assert.Equal("fsharp", NotebookKernels.Resolve(J("""{"kernelspec":{"name":".net-fsharp"}}"""), null, "x"));
        Assert.Equal("csharp", NotebookKernels.Resolve(null, null, "x"));
        Assert.Equal("csharp", NotebookKernels.Resolve(J("""{"kernelInfo":{"defaultKernelName":"c#"}}"""), null, "x")); // old top-level key, alias
    }

    [Fact]
    public void A_selector_on_the_first_line_overrides_the_metadata()
    {
        Assert.Equal("markdown", NotebookKernels.Resolve(null, J("""{"polyglot_notebook":{"kernelName":"csharp"}}"""), "\n#!markdown\n# x"));
        Assert.Equal("csharp", NotebookKernels.Resolve(null, null, "#!time\nvar x = 1;"));
    }
}
