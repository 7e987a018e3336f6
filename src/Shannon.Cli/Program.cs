using Shannon.Cli;

return CliApp.Run(args, new CliContext(Console.In, Console.Out, Console.Error) { OpenStandardInput = Console.OpenStandardInput, OpenStandardOutput = Console.OpenStandardOutput });
