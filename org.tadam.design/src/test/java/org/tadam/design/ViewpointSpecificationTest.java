package org.tadam.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.common.util.TreeIterator;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EClassifier;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.EcorePackage;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceImpl;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.util.Diagnostician;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.ecore.xmi.impl.EcoreResourceFactoryImpl;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tadam.model.TadamPackage;

/**
 * Loads description/tadam.odesign with plain EMF against Sirius's own metamodels (Sirius is not on Maven Central),
 * resolves every reference, runs EMF's Diagnostician, and checks that every class, feature and service the
 * viewpoint names exists in the TADAM metamodel or in {@link TadamServices}.
 */
class ViewpointSpecificationTest {

	private static final Path SPEC = Path.of(System.getProperty("tadam.sirius.spec", "../../shared/spec/sirius"));
	/** AQL operations of the standard library used by the viewpoint. */
	private static final Set<String> AQL_SERVICES = Set.of("eContainer", "toString", "size", "oclIsKindOf", "oclAsType");

	private static ResourceSet set;
	private static EObject group;

	@BeforeAll
	static void load() throws Exception {
		Assumptions.assumeTrue(Files.isDirectory(SPEC), () -> "Sirius metamodels not found at " + SPEC.toAbsolutePath()
				+ " (../shared is absent): the .odesign check is skipped");
		set = new ResourceSetImpl();
		set.getResourceFactoryRegistry().getExtensionToFactoryMap().put("ecore", new EcoreResourceFactoryImpl());
		set.getResourceFactoryRegistry().getExtensionToFactoryMap().put("odesign", new XMIResourceFactoryImpl());
		// the Sirius metamodels refer to Ecore's data types by their platform URI
		set.getPackageRegistry().put("platform:/plugin/org.eclipse.emf.ecore/model/Ecore.ecore", EcorePackage.eINSTANCE);
		set.getPackageRegistry().put(TadamPackage.eNS_URI, TadamPackage.eINSTANCE);
		for (String ecore : List.of("org.eclipse.sirius.model/model/viewpoint.ecore", "org.eclipse.sirius.diagram.model/model/diagram.ecore")) {
			Resource resource = set.getResource(URI.createFileURI(SPEC.resolve(ecore).toAbsolutePath().normalize().toString()), true);
			for (TreeIterator<EObject> it = resource.getAllContents(); it.hasNext();) {
				if (it.next() instanceof EPackage p) {
					set.getPackageRegistry().put(p.getNsURI(), p);
				}
			}
		}
		Resource odesign = set.getResource(URI.createFileURI(Path.of("description/tadam.odesign").toAbsolutePath().toString()), true);
		assertTrue(odesign.getErrors().isEmpty(), () -> "load errors: " + odesign.getErrors());
		group = odesign.getContents().get(0);
		provideSystemColours();
	}

	/** Sirius computes the transient, required Group.systemColorsPalette from its environment: do the same. */
	private static void provideSystemColours() {
		EPackage description = set.getPackageRegistry().getEPackage("http://www.eclipse.org/sirius/description/1.1.0");
		EObject environment = EcoreUtil.create((EClass) description.getEClassifier("Environment"));
		EObject palette = EcoreUtil.create((EClass) description.getEClassifier("SytemColorsPalette"));
		environment.eSet(environment.eClass().getEStructuralFeature("systemColors"), palette);
		Resource resource = new ResourceImpl(URI.createURI("environment:/viewpoint"));
		set.getResources().add(resource);
		resource.getContents().add(environment);
		group.eSet(group.eClass().getEStructuralFeature("systemColorsPalette"), palette);
	}

	private static List<EObject> all() {
		List<EObject> all = new ArrayList<>();
		group.eAllContents().forEachRemaining(all::add);
		return all;
	}

	private static String string(EObject o, String feature) {
		var f = o.eClass().getEStructuralFeature(feature);
		return f == null ? null : (String) o.eGet(f);
	}

	@Test
	void everyReferenceResolvesAndTheDiagnosticianAccepts() {
		EcoreUtil.resolveAll(set);
		for (EObject o : all()) {
			for (EObject target : o.eCrossReferences()) {
				assertFalse(target.eIsProxy(), () -> "unresolved reference from " + o.eClass().getName() + ": " + EcoreUtil.getURI(target));
			}
		}
		Diagnostic diagnostic = Diagnostician.INSTANCE.validate(group);
		assertEquals(Diagnostic.OK, diagnostic.getSeverity(), () -> diagnostic.getChildren().stream().map(Diagnostic::getMessage).toList().toString());
		EObject viewpoint = ((List<?>) group.eGet(group.eClass().getEStructuralFeature("ownedViewpoints"))).stream().map(EObject.class::cast).findFirst().orElseThrow();
		EObject diagram = (EObject) ((List<?>) viewpoint.eGet(viewpoint.eClass().getEStructuralFeature("ownedRepresentations"))).get(0);
		assertEquals(List.of(TadamPackage.eINSTANCE), diagram.eGet(diagram.eClass().getEStructuralFeature("metamodel")));
	}

	@Test
	void domainClassesAndFeaturesExistInTheMetamodel() {
		Set<String> checked = new TreeSet<>();
		for (EObject o : all()) {
			for (String feature : List.of("domainClass", "typeName")) {
				String name = string(o, feature);
				if (name != null) {
					eClass(name);
					checked.add(name);
				}
			}
			String reference = string(o, "referenceName");
			if (reference != null) {
				EClass created = eClass(string(o, "typeName"));
				assertTrue(TadamPackage.eINSTANCE.getEClassifiers().stream().filter(EClass.class::isInstance).map(EClass.class::cast)
						.flatMap(c -> c.getEAllContainments().stream()).anyMatch(r -> r.getName().equals(reference)
								&& r.getEReferenceType().isSuperTypeOf(created)), "containment " + reference + " of " + created.getName());
			}
			String setFeature = string(o, "featureName");
			if (setFeature != null) {
				EObject parent = o.eContainer();
				String type = string(parent, "typeName");
				if (type != null) {
					assertNotNull(eClass(type).getEStructuralFeature(setFeature), type + "." + setFeature);
				} else {
					assertTrue(anyClassHas(setFeature), setFeature);
				}
			}
		}
		assertEquals(Set.of("model::Automaton", "model::Edge", "model::PacketSymbol", "model::State"), checked);
	}

	@Test
	void expressionsNameExistingFeaturesAndServices() {
		Pattern feature = Pattern.compile("^feature:(\\w+)$");
		Pattern navigation = Pattern.compile("\\.(\\w+)(\\()?");
		int expressions = 0;
		for (EObject o : all()) {
			for (EAttribute attribute : o.eClass().getEAllAttributes()) {
				if (!(o.eGet(attribute) instanceof String value)) {
					continue;
				}
				Matcher f = feature.matcher(value);
				if (f.matches()) {
					assertTrue(anyClassHas(f.group(1)), value);
					expressions++;
				} else if (value.startsWith("aql:")) {
					Matcher m = navigation.matcher(value.replaceAll("'[^']*'", "''"));
					while (m.find()) {
						String name = m.group(1);
						if (name.matches("\\d+")) {
							continue;
						}
						if (m.group(2) != null) {
							assertTrue(AQL_SERVICES.contains(name) || isService(name), () -> "unknown service " + name + " in " + value);
						} else {
							assertTrue(anyClassHas(name), () -> "unknown feature " + name + " in " + value);
						}
					}
					expressions++;
				}
			}
		}
		assertTrue(expressions >= 15, "expressions checked: " + expressions);
	}

	private static EClass eClass(String qualified) {
		assertNotNull(qualified);
		String[] parts = qualified.split("::");
		assertEquals(TadamPackage.eINSTANCE.getName(), parts[0], qualified);
		EClassifier classifier = TadamPackage.eINSTANCE.getEClassifier(parts[1]);
		assertTrue(classifier instanceof EClass, "no class " + qualified);
		return (EClass) classifier;
	}

	private static boolean anyClassHas(String feature) {
		return TadamPackage.eINSTANCE.getEClassifiers().stream().filter(EClass.class::isInstance)
				.anyMatch(c -> ((EClass) c).getEStructuralFeature(feature) != null);
	}

	private static boolean isService(String name) {
		for (Method method : TadamServices.class.getMethods()) {
			if (method.getName().equals(name) && Modifier.isPublic(method.getModifiers()) && method.getParameterCount() >= 1
					&& EObject.class.isAssignableFrom(method.getParameterTypes()[0])) {
				return true;
			}
		}
		return false;
	}

	@Test
	void pluginXmlRegistersTheViewpointBundle() throws Exception {
		String plugin = Files.readString(Path.of("plugin.xml"));
		assertTrue(plugin.contains("point=\"org.eclipse.sirius.componentization\""), plugin);
		assertTrue(plugin.contains("class=\"" + DesignPlugin.class.getName() + "\""), plugin);
		assertTrue(DesignPlugin.VIEWPOINT_PATH.endsWith("/description/tadam.odesign"));
		assertTrue(Files.isRegularFile(Path.of("description/tadam.odesign")));
	}
}
