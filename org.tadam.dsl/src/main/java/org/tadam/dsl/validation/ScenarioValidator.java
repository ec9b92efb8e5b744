package org.tadam.dsl.validation;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.CheckType;
import org.tadam.model.AddressPlan;
import org.tadam.model.Automaton;
import org.tadam.model.AutomatonUse;
import org.tadam.model.Scenario;
import org.tadam.model.ScenarioImport;
import org.tadam.model.TadamPackage.Literals;
import org.tadam.model.derived.Addresses;

/**
 * Checks scenarios: every number a generator divides by or draws from must be usable, every address literal must
 * parse, and every automaton must be reachable. Composed into {@link TadamValidator}.
 */
public class ScenarioValidator extends ComposedValidator {

	/** Smallest snap length that keeps every header of a TCP/IPv6 packet with options. */
	public static final int MIN_SNAP_LENGTH = 96;
	public static final int MAX_SNAP_LENGTH = 262144;

	@Check(CheckType.FAST)
	public void checkImport(ScenarioImport anImport) {
		String path = anImport.getImportURI();
		if (path == null || path.isBlank()) {
			error("Empty import path", anImport, Literals.SCENARIO_IMPORT__IMPORT_URI, IssueCodes.UNRESOLVED_IMPORT);
			return;
		}
		URI uri = URI.createURI(path);
		if (anImport.eResource() != null && anImport.eResource().getURI() != null) {
			uri = uri.resolve(anImport.eResource().getURI());
		}
		if (!EcoreUtil2.isValidUri(anImport, uri)) {
			error("Cannot find the imported model '" + path + "' (paths are relative to the scenario file)", anImport,
					Literals.SCENARIO_IMPORT__IMPORT_URI, IssueCodes.UNRESOLVED_IMPORT);
		}
	}

	@Check(CheckType.FAST)
	public void checkScenario(Scenario scenario) {
		if (scenario.getUses().isEmpty()) {
			error("Scenario '" + scenario.getName() + "' uses no automaton: add 'use NAME' lines", scenario,
					Literals.SCENARIO__NAME, IssueCodes.EMPTY_SCENARIO_POOL);
		}
		if (scenario.isSetRate() && !(scenario.getRate() > 0)) {
			error("The connection rate must be positive, found " + scenario.getRate(), scenario, Literals.SCENARIO__RATE,
					IssueCodes.SCENARIO_RATE);
		}
		if (scenario.isSetConnections() && scenario.getConnections() <= 0) {
			error("The number of connections must be positive", scenario, Literals.SCENARIO__CONNECTIONS, IssueCodes.SCENARIO_RATE);
		}
		if (scenario.isSetDuration() && !(scenario.getDuration() > 0)) {
			error("The duration must be a positive number of seconds", scenario, Literals.SCENARIO__DURATION,
					IssueCodes.SCENARIO_RATE);
		}
		checkProfile(scenario);
		if (scenario.getStart() != null) {
			try {
				Instant.parse(scenario.getStart());
			} catch (DateTimeParseException e) {
				error("Start time '" + scenario.getStart() + "' is not an ISO-8601 instant such as 2026-01-01T00:00:00Z",
						scenario, Literals.SCENARIO__START, IssueCodes.INVALID_START);
			}
		}
		if (scenario.isSetSnapLength()
				&& (scenario.getSnapLength() < MIN_SNAP_LENGTH || scenario.getSnapLength() > MAX_SNAP_LENGTH)) {
			error("Snap length must lie in " + MIN_SNAP_LENGTH + ".." + MAX_SNAP_LENGTH, scenario,
					Literals.SCENARIO__SNAP_LENGTH, IssueCodes.INVALID_SNAP_LENGTH);
		}
		checkFamilies(scenario);
	}

	private void checkProfile(Scenario scenario) {
		List<Double> profile = scenario.getProfile();
		if (profile.isEmpty()) {
			return;
		}
		if (profile.size() != 24) {
			error("A daily profile has 24 hourly values, found " + profile.size(), scenario, Literals.SCENARIO__PROFILE,
					IssueCodes.SCENARIO_RATE);
			return;
		}
		double sum = 0;
		for (double value : profile) {
			if (!(value >= 0)) {
				error("Hourly profile values must not be negative, found " + value, scenario, Literals.SCENARIO__PROFILE,
						IssueCodes.SCENARIO_RATE);
				return;
			}
			sum += value;
		}
		if (!(sum > 0)) {
			error("The daily profile is zero all day", scenario, Literals.SCENARIO__PROFILE, IssueCodes.SCENARIO_RATE);
		}
	}

	/** A connection needs a client and a server of the same IP version. */
	private void checkFamilies(Scenario scenario) {
		if (scenario.getClients() == null || scenario.getServers() == null) {
			return;
		}
		int clients = families(scenario.getClients());
		int servers = families(scenario.getServers());
		if (clients != 0 && servers != 0 && (clients & servers) == 0) {
			error("Clients and servers have no IP version in common (one side is IPv4 only, the other IPv6 only)", scenario,
					Literals.SCENARIO__SERVERS, IssueCodes.UNREACHABLE_SERVERS);
		}
	}

	/** Bit 1: has an IPv4 subnet, bit 2: has an IPv6 subnet. */
	private static int families(AddressPlan plan) {
		int families = 0;
		for (String text : plan.getSubnets()) {
			Addresses.Subnet subnet = Addresses.parseSubnet(text);
			if (subnet != null) {
				families |= subnet.isIpv6() ? 2 : 1;
			}
		}
		return families;
	}

	@Check(CheckType.FAST)
	public void checkAddressPlan(AddressPlan plan) {
		String side = plan.eContainingFeature() == Literals.SCENARIO__SERVERS ? "servers" : "clients";
		if (plan.getSubnets().isEmpty()) {
			error("The " + side + " plan has no subnet to draw addresses from", plan, null, IssueCodes.EMPTY_SCENARIO_POOL);
		}
		for (int i = 0; i < plan.getSubnets().size(); i++) {
			String text = plan.getSubnets().get(i);
			if (Addresses.parseSubnet(text) == null) {
				error("'" + text + "' is not a subnet such as 10.0.0.0/16 or fd00::/64", plan, Literals.ADDRESS_PLAN__SUBNETS, i,
						IssueCodes.INVALID_SUBNET);
			}
		}
		for (int i = 0; i < plan.getMacs().size(); i++) {
			String text = plan.getMacs().get(i);
			byte[] mac = Addresses.parseMac(text);
			if (mac == null) {
				error("'" + text + "' is neither a MAC address (02:00:5e:00:00:01) nor a vendor prefix (00:1b:21)", plan,
						Literals.ADDRESS_PLAN__MACS, i, IssueCodes.INVALID_MAC);
			} else if (Addresses.isMulticastMac(mac) || (mac.length == 6 && Addresses.isZero(mac))) {
				error("'" + text + "' cannot be a host's address (multicast, broadcast or all-zero)", plan,
						Literals.ADDRESS_PLAN__MACS, i, IssueCodes.INVALID_MAC);
			}
		}
		if (plan.isSetTtl() && (plan.getTtl() < 1 || plan.getTtl() > 255)) {
			error("TTL " + plan.getTtl() + " is outside 1..255", plan, Literals.ADDRESS_PLAN__TTL, IssueCodes.INVALID_TTL);
		}
	}

	@Check(CheckType.FAST)
	public void checkUse(AutomatonUse use) {
		if (use.isSetShare() && !(use.getShare() > 0)) {
			error("The share of an automaton must be positive, found " + use.getShare(), use, Literals.AUTOMATON_USE__SHARE,
					IssueCodes.SCENARIO_RATE);
		}
		for (int i = 0; i < use.getPorts().size(); i++) {
			int port = use.getPorts().get(i);
			if (port < 1 || port > 65535) {
				error("Port " + port + " is outside 1..65535", use, Literals.AUTOMATON_USE__PORTS, i, IssueCodes.INVALID_PORT);
			}
		}
		Automaton automaton = use.getAutomaton();
		if (automaton != null && !automaton.eIsProxy() && use.getPorts().isEmpty()
				&& automaton.getPorts().stream().noneMatch(p -> p > 0 && p <= 65535)) {
			error("Automaton '" + automaton.getName() + "' names no server port: add 'ports N' to this line", use,
					Literals.AUTOMATON_USE__AUTOMATON, IssueCodes.UNREACHABLE_SERVERS);
		}
	}
}
