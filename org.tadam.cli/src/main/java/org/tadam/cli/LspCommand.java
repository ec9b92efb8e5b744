package org.tadam.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.eclipse.xtext.ide.server.ServerLauncher;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "lsp", mixinStandardHelpOptions = true,
		description = "Runs the TADAM language server on stdin/stdout (LSP): diagnostics, completion, hover, formatting, "
				+ "document symbols. It opens no network port.")
final class LspCommand implements Callable<Integer> {

	@Option(names = "--trace", description = "log the LSP messages to stderr")
	private boolean trace;

	@Option(names = "--log", description = "log what the server prints to a file in the working directory")
	private boolean log;

	@Override
	public Integer call() {
		List<String> args = new ArrayList<>();
		if (trace) {
			args.add(ServerLauncher.TRACE);
		}
		if (log) {
			args.add(ServerLauncher.LOG);
		}
		// returns when the client sends exit; stdout belongs to the protocol from here on
		ServerLauncher.main(args.toArray(String[]::new));
		return 0;
	}
}
