package org.tadam.cli;

import org.tadam.diagram.AutomatonLayout;
import org.tadam.diagram.SvgDiagramWriter;
import org.tadam.model.Automaton;

import picocli.CommandLine.Command;

@Command(name = "diagram", mixinStandardHelpOptions = true,
		description = "Draws the automaton as an SVG picture (ELK layered layout; the Eclipse Automaton Diagram view "
				+ "shows the same layout). Models with validation errors are drawn too; syntax errors stop it.")
final class DiagramCommand extends DrawingCommand {

	@Override
	String render(Automaton automaton) {
		return new SvgDiagramWriter().write(new AutomatonLayout().layout(automaton));
	}

	@Override
	String what() {
		return "diagram";
	}
}
