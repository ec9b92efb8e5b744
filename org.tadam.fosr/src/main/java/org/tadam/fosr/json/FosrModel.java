package org.tadam.fosr.json;

import java.util.List;

import org.tadam.fosr.FosrGeneration;

/**
 * One Fos-R automaton file as typed values, whatever its generation; nothing here knows the TADAM metamodel.
 * Fields a generation does not have are null.
 *
 * @param protocol as spelled in the file ("TCP" in generation 1, "tcp" later)
 * @param l7protocol generation 1's service name
 * @param noise {@code noise} (generations 1, 2) or {@code statistics} (generation 3)
 */
public record FosrModel(FosrGeneration generation, List<FosrEdge> edges, FosrNoise noise, int initialState,
		int acceptingState, String protocol, String l7protocol, FosrMetadata metadata) {

	/**
	 * Noise rates estimated by TADAM's EM. {@code none} is {@code no_noise} in generation 3, which also has
	 * {@code substitution} (null before).
	 */
	public record FosrNoise(double none, double deletion, double reemission, double transposition, double addition,
			Double substitution) {
	}

	/**
	 * Provenance and selection keys. Generation 1: {@code select_dst_ports}, {@code ignore_dst_ports},
	 * {@code input_file}, {@code creation_time}, {@code automaton_name}; later: {@code service},
	 * {@code conn_state}, {@code input_file}, {@code creation_time}. Absent fields are null.
	 */
	public record FosrMetadata(String service, String connState, String inputFile, String creationTime,
			List<Integer> selectDstPorts, List<Integer> ignoreDstPorts, String automatonName) {
	}
}
