using Spx.Research.Cli;

return SpxApp.Run(args, Console.Out, Console.Error);
