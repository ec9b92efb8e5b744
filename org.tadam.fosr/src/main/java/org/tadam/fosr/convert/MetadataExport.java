package org.tadam.fosr.convert;

import java.util.ArrayList;
import java.util.List;

import org.tadam.fosr.ConversionReport;
import org.tadam.fosr.ConversionReport.Topic;
import org.tadam.fosr.FosrGeneration;
import org.tadam.fosr.json.FosrModel.FosrMetadata;
import org.tadam.model.Automaton;
import org.tadam.model.Provenance;

/** The service, metadata and provenance fields of a written file, and the report of what has no field. */
final class MetadataExport {

	private final FosrGeneration generation;
	private final ConversionReport report;

	MetadataExport(FosrGeneration generation, ConversionReport report) {
		this.generation = generation;
		this.report = report;
	}

	private String service(Automaton a) {
		if (a.getService() != null) {
			return a.getService();
		}
		report.add(Topic.METADATA, generation == FosrGeneration.GEN1 ? "$.l7protocol" : "$.metadata.service",
				"the model has no service: written as its name '" + a.getName() + "'");
		return a.getName();
	}

	/** Generation 1's service field; null later. */
	String l7protocol(Automaton a) {
		return generation == FosrGeneration.GEN1 ? service(a) : null;
	}

	FosrMetadata metadata(Automaton a, String targetStem) {
		Provenance p = a.getProvenance();
		String inputFile = null;
		String date = null;
		if (p != null) {
			if (!p.getCaptures().isEmpty()) {
				inputFile = String.join(", ", p.getCaptures());
				if (p.getCaptures().size() > 1) {
					report.add(Topic.METADATA, "$.metadata.input_file", p.getCaptures().size()
							+ " captures joined into one input_file");
				}
			}
			date = p.getDate();
			List<String> unwritten = new ArrayList<>();
			if (p.getConnections() != 0) {
				unwritten.add("connections " + p.getConnections());
			}
			if (p.getOptions() != null) {
				unwritten.add("options \"" + p.getOptions() + "\"");
			}
			if (p.getModelBits() != 0 || p.getDataBits() != 0) {
				unwritten.add("bits model " + p.getModelBits() + " data " + p.getDataBits());
			}
			if (!unwritten.isEmpty()) {
				report.add(Topic.METADATA, "$.metadata", "provenance " + String.join(", ", unwritten)
						+ " not written (no Fos-R field)");
			}
		}
		if (!a.getVariantWeights().isEmpty()) {
			report.add(Topic.METADATA, "$.metadata", a.getVariantWeights().size() + " payload variant weights not written ("
					+ generation + " has no payload variants)");
		}
		if (generation == FosrGeneration.GEN1) {
			if (a.getOutcome() != null) {
				report.add(Topic.METADATA, "$.metadata", "outcome \"" + a.getOutcome()
						+ "\" not written (generation 1 has no conn_state)");
			}
			if (!a.getPortWeights().isEmpty()) {
				report.add(Topic.METADATA, "$.metadata", "port weights " + a.getPortWeights()
						+ " not written (generation 1 lists ports without weights)");
			}
			return new FosrMetadata(null, null, inputFile, date, List.copyOf(a.getPorts()), List.of(), a.getName());
		}
		if (!a.getPorts().isEmpty()) {
			report.add(Topic.METADATA, "$.metadata", "ports " + a.getPorts() + " not written (" + generation
					+ " has no port field; Fos-R's Bayesian network chooses ports)");
		}
		if (targetStem != null && !Identifiers.identifier(targetStem).equals(a.getName())) {
			report.add(Topic.METADATA, "$", "automaton name '" + a.getName() + "' not written (" + generation
					+ " names an automaton by its file, here '" + targetStem + "')");
		}
		String connState = a.getOutcome() == null ? MetadataImport.NO_CONN_STATE : a.getOutcome();
		return new FosrMetadata(service(a), connState, inputFile, date, null, null, null);
	}
}
