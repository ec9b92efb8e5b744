package org.tadam.cli;

import org.tadam.dsl.export.DotExporter;
import org.tadam.model.Automaton;

import picocli.CommandLine.Command;

@Command(name = "dot", mixinStandardHelpOptions = true,
		description = "Prints the automaton as a Graphviz digraph (render with: dot -Tsvg). Models with validation errors "
				+ "are drawn too; syntax errors stop it.")
final class DotCommand extends DrawingCommand {

	@Override
	String render(Automaton automaton) {
		return new DotExporter().toDot(automaton);
	}

	@Override
	String what() {
		return "graph";
	}
}
