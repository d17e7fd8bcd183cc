package me.tokenpay.sample.readme;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compiles every Java snippet of the README as shown, with its own imports. A snippet
 * that declares types is compiled as a file; one of members (a {@code @Bean} method, a
 * field) as the body of a class; one of statements as the body of a method. They see the
 * application's own types and variables the README's prose names ({@link Order},
 * {@link WithdrawalRepository}, {@link SnippetContext}).
 *
 * @author TokenPay Spring Boot team
 */
class ReadmeSnippetsTests {

	private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

	private static final Pattern TYPE = Pattern.compile("^(public |final |abstract )*(class|record|interface) ",
			Pattern.MULTILINE);

	private static final String PACKAGE = ReadmeSnippetsTests.class.getPackageName();

	@Test
	void everyJavaSnippetCompiles(@TempDir Path output) throws IOException {
		List<String> snippets = snippets();
		assertThat(snippets).as("Java snippets in README.md").hasSizeGreaterThan(10);
		List<JavaFileObject> sources = new ArrayList<>();
		for (int i = 0; i < snippets.size(); i++) {
			sources.add(source("Snippet" + i, snippets.get(i)));
		}
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
		boolean compiled = compiler
			.getTask(null, null, diagnostics,
					List.of("-d", output.toString(), "-classpath", System.getProperty("java.class.path"), "-proc:none"),
					null, sources)
			.call();
		List<String> errors = diagnostics.getDiagnostics()
			.stream()
			.filter((diagnostic) -> diagnostic.getKind() == Diagnostic.Kind.ERROR)
			.map((diagnostic) -> diagnostic.getSource().getName() + ":" + diagnostic.getLineNumber() + ": "
					+ diagnostic.getMessage(Locale.ROOT))
			.toList();
		assertThat(errors).as("compilation errors of README.md's snippets").isEmpty();
		assertThat(compiled).isTrue();
	}

	private static List<String> snippets() throws IOException {
		String readme = Files.readString(Path.of("..", "..", "README.md"), StandardCharsets.UTF_8);
		List<String> snippets = new ArrayList<>();
		Matcher block = JAVA_BLOCK.matcher(readme);
		while (block.find()) {
			snippets.add(block.group(1).stripIndent());
		}
		return snippets;
	}

	/**
	 * Make a compilation unit of a snippet: its imports, then its types, or a class of
	 * its members, or a method of its statements.
	 */
	private static JavaFileObject source(String name, String snippet) {
		StringBuilder imports = new StringBuilder();
		StringBuilder body = new StringBuilder();
		for (String line : snippet.lines().toList()) {
			((line.startsWith("import ")) ? imports : body).append(line).append('\n');
		}
		String code = body.toString().strip();
		String unit;
		if (TYPE.matcher(stripAnnotations(code)).find()) {
			unit = code;
		}
		else if (code.startsWith("@")) {
			unit = "class " + name + " extends SnippetContext {\n" + code + "\n}";
		}
		else {
			unit = "class " + name + " extends SnippetContext {\nvoid run() throws Exception {\n" + code + "\n}\n}";
		}
		String text = "package " + PACKAGE + ";\n" + imports + unit + "\n";
		return new SimpleJavaFileObject(URI.create("string:///" + name + ".java"), JavaFileObject.Kind.SOURCE) {

			@Override
			public CharSequence getCharContent(boolean ignoreEncodingErrors) {
				return text;
			}

		};
	}

	private static String stripAnnotations(String code) {
		return code.replaceAll("(?m)^@\\w+(\\(.*\\))?\\s*$", "");
	}

}
