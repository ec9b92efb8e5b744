package org.tadam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts {@code tadam lsp} as a separate process and talks LSP to it over stdio, as an editor would. */
class LanguageServerTest {

	private static final String BROKEN = "automaton t {\n\tprotocol tcp\n\tstate a initial\n\tstate z end\n"
			+ "\ta -> z $ prob 0.5 count 1\n}\n";

	private final BlockingQueue<PublishDiagnosticsParams> diagnostics = new LinkedBlockingQueue<>();
	private Process process;
	private ExecutorService executor;
	private LanguageServer server;
	private Path workspace;

	@BeforeEach
	void start(@TempDir Path workspace) throws Exception {
		this.workspace = workspace;
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), TadamCli.class.getName(), "lsp")
				.redirectError(workspace.resolve("server-stderr.log").toFile()).start();
		executor = Executors.newCachedThreadPool(r -> {
			Thread t = new Thread(r, "lsp-client");
			t.setDaemon(true);
			return t;
		});
		Launcher<LanguageServer> launcher = new LSPLauncher.Builder<LanguageServer>().setLocalService(new Client())
				.setRemoteInterface(LanguageServer.class).setInput(process.getInputStream())
				.setOutput(process.getOutputStream()).setExecutorService(executor).create();
		launcher.startListening();
		server = launcher.getRemoteProxy();
		InitializeParams init = new InitializeParams();
		init.setWorkspaceFolders(List.of(new WorkspaceFolder(workspace.toUri().toString(), "workspace")));
		WorkspaceClientCapabilities workspaceCapabilities = new WorkspaceClientCapabilities();
		workspaceCapabilities.setWorkspaceFolders(true);
		ClientCapabilities capabilities = new ClientCapabilities();
		capabilities.setWorkspace(workspaceCapabilities);
		init.setCapabilities(capabilities);
		CompletableFuture<?> initialized = server.initialize(init);
		CompletableFuture.anyOf(initialized, process.onExit()).get(120, TimeUnit.SECONDS);
		assertTrue(initialized.isDone(), () -> "server died: " + read(workspace.resolve("server-stderr.log")));
		server.initialized(new InitializedParams());
	}

	@AfterEach
	void stop() throws Exception {
		try {
			server.shutdown().get(20, TimeUnit.SECONDS);
			server.exit();
			process.waitFor(20, TimeUnit.SECONDS);
		} finally {
			process.destroyForcibly();
			executor.shutdownNow();
		}
	}

	@Test
	void diagnosticsCompletionHoverFormattingAndSymbols() throws Exception {
		// the document exists only in the client: diagnostics come from didOpen, not from a file on disk
		String uri = workspace.resolve("broken.tadam").toUri().toString();
		server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "tadam", 1, BROKEN)));
		PublishDiagnosticsParams published = awaitDiagnostics(uri);
		assertEquals(1, published.getDiagnostics().size(), published::toString);
		assertEquals("Outgoing probabilities of state 'a' sum to 0.5, expected 1", published.getDiagnostics().get(0).getMessage());
		assertEquals(2, published.getDiagnostics().get(0).getRange().getStart().getLine());

		// completion after "a -> " proposes the states
		List<CompletionItem> items = server.getTextDocumentService()
				.completion(new CompletionParams(new TextDocumentIdentifier(uri), new Position(4, 6))).get(30, TimeUnit.SECONDS)
				.getRight().getItems();
		List<String> labels = items.stream().map(CompletionItem::getLabel).toList();
		assertTrue(labels.contains("a") && labels.contains("z"), labels::toString);

		Hover hover = server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri), new Position(4, 16)))
				.get(30, TimeUnit.SECONDS);
		String text = hover.getContents().getRight().getValue();
		assertTrue(text.contains("From 'a' to 'z': the connection ends"), text);
		assertTrue(text.contains("probability 0.5 (50.0 %"), text);

		List<? extends TextEdit> edits = server.getTextDocumentService()
				.formatting(new DocumentFormattingParams(new TextDocumentIdentifier(uri), new FormattingOptions(4, false)))
				.get(30, TimeUnit.SECONDS);
		assertFalse(edits.isEmpty(), "the document lacks the canonical blank lines, so formatting must change it");
		assertTrue(edits.stream().anyMatch(e -> e.getNewText().contains("\n\n")), edits::toString);

		List<String> symbols = server.getTextDocumentService().documentSymbol(new DocumentSymbolParams(new TextDocumentIdentifier(uri)))
				.get(30, TimeUnit.SECONDS).stream().map(s -> s.isLeft() ? s.getLeft().getName() : s.getRight().getName()).toList();
		assertTrue(symbols.contains("t") && symbols.stream().anyMatch(s -> s.endsWith("a")), symbols::toString);
	}

	private PublishDiagnosticsParams awaitDiagnostics(String uri) throws InterruptedException {
		while (true) {
			PublishDiagnosticsParams next = diagnostics.poll(60, TimeUnit.SECONDS);
			if (next == null) {
				throw new AssertionError("no diagnostics published for " + uri + "; server log: " + read(workspace.resolve("server-stderr.log")));
			}
			if (next.getUri().equals(uri)) {
				return next;
			}
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		} catch (Exception e) {
			return "(no log: " + e + ")";
		}
	}

	private final class Client implements LanguageClient {
		@Override
		public void publishDiagnostics(PublishDiagnosticsParams params) {
			diagnostics.add(params);
		}

		@Override
		public void telemetryEvent(Object object) {
		}

		@Override
		public void showMessage(MessageParams params) {
		}

		@Override
		public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams params) {
			return CompletableFuture.completedFuture(null);
		}

		@Override
		public void logMessage(MessageParams params) {
		}
	}
}
