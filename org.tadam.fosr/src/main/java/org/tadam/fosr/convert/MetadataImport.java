package org.tadam.fosr.convert;

import org.tadam.fosr.ConversionReport;
import org.tadam.fosr.ConversionReport.Topic;
import org.tadam.fosr.FosrGeneration;
import org.tadam.fosr.json.FosrModel;
import org.tadam.fosr.json.FosrModel.FosrMetadata;
import org.tadam.model.Automaton;
import org.tadam.model.Provenance;
import org.tadam.model.TadamFactory;

/**
 * Name, service, outcome, ports and provenance of an imported automaton. Generation 1 names the service
 * {@code l7protocol} and selects flows by destination port; later generations key automata by
 * {@code (service, conn_state)}, where UDP automata have the conn_state "none" (no TADAM outcome).
 */
final class MetadataImport {

	/** conn_state of automata learned without one (UDP); the model then has no outcome. */
	static final String NO_CONN_STATE = "none";

	private final ConversionReport report;

	MetadataImport(ConversionReport report) {
		this.report = report;
	}

	void apply(FosrModel m, Automaton a, String fileStem) {
		FosrMetadata md = m.metadata();
		boolean gen1 = m.generation() == FosrGeneration.GEN1;
		String rawName = gen1 && md != null && md.automatonName() != null ? md.automatonName() : fileStem;
		a.setName(Identifiers.identifier(rawName == null ? "fosr" : rawName));
		if (gen1 && md != null && md.automatonName() != null && !a.getName().equals(md.automatonName())) {
			report.add(Topic.METADATA, "$.metadata.automaton_name", "'" + md.automatonName() + "' is named " + a.getName()
					+ " (a .tadam name)");
		}
		if (gen1) {
			a.setService(m.l7protocol() != null ? m.l7protocol() : md == null ? null : md.service());
		} else if (md != null) {
			a.setService(md.service());
		}
		if (md == null) {
			return;
		}
		if (md.connState() != null && !md.connState().equals(NO_CONN_STATE)) {
			a.setOutcome(md.connState());
		}
		if (md.selectDstPorts() != null) {
			a.getPorts().addAll(md.selectDstPorts());
		}
		if (md.ignoreDstPorts() != null && !md.ignoreDstPorts().isEmpty()) {
			report.add(Topic.METADATA, "$.metadata.ignore_dst_ports", md.ignoreDstPorts()
					+ ": TADAM has no excluded ports: not imported");
		}
		String foreign = gen1 ? (md.service() != null ? "service" : md.connState() != null ? "conn_state" : null)
				: md.selectDstPorts() != null ? "select_dst_ports" : md.automatonName() != null ? "automaton_name"
				: md.ignoreDstPorts() != null ? "ignore_dst_ports" : null;
		if (foreign != null) {
			report.add(Topic.METADATA, "$.metadata." + foreign, "not a field of " + m.generation()
					+ ": imported, but not written back in this generation");
		}
		if (md.inputFile() != null || md.creationTime() != null) {
			Provenance p = TadamFactory.eINSTANCE.createProvenance();
			if (md.inputFile() != null) {
				p.getCaptures().add(md.inputFile());
			}
			p.setDate(md.creationTime());
			a.setProvenance(p);
		}
	}
}
