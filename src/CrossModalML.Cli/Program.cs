return CrossModalML.Cli.CliApp.Run(args);
