package dev.aapl.cli.adapter.in.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top command: it only lists the others. */
@Command(name = "aapl", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Forecasts a stock's next hourly close with a random forest, scores it "
                + "against the naive forecast and keeps every run and model version in MLflow's "
                + "file layout."},
        subcommands = {FetchCli.class, TrainCli.class, PredictCli.class, BacktestCli.class,
            ModelsCli.class, PromoteCli.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:failure (one line on standard error says why)",
            "2:usage error"})
public final class AaplCli implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /** @return the configured command line, with error handling and exit codes set */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new AaplCli());
        commandLine.setExecutionExceptionHandler(new ErrorHandler());
        commandLine.setParameterExceptionHandler(ErrorHandler::usageError);
        commandLine.setExitCodeExceptionMapper(ErrorHandler::exitCode);
        return commandLine;
    }
}
