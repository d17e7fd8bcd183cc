package me.tokenpay.spring;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import org.springframework.http.client.ClientHttpRequestFactory;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Guards the layering of the main code: the client can be used without Spring Boot, and
 * the auto-configuration leaves every HTTP detail to the client.
 *
 * @author TokenPay Spring Boot team
 */
class LayeringTests {

	private static final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("me.tokenpay.spring");

	@Test
	void clientDoesNotDependOnSpringBoot() {
		ArchRule rule = noClasses().that()
			.resideInAPackage("me.tokenpay.spring.client..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.boot..")
			.because("an application that does not use Spring Boot can build a TokenPayTemplate by hand");
		rule.check(classes);
	}

	@Test
	void notificationsDoNotDependOnAWebFramework() {
		ArchRule rule = noClasses().that()
			.resideInAPackage("me.tokenpay.spring.client.notification..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.web..", "org.springframework.http..", "jakarta.servlet..")
			.because("an application receives notifications in any web layer and passes headers and body bytes");
		rule.check(classes);
	}

	@Test
	void clientDoesNotDependOnAutoConfiguration() {
		ArchRule rule = noClasses().that()
			.resideInAPackage("me.tokenpay.spring.client..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("me.tokenpay.spring.autoconfigure..")
			.because("the auto-configuration builds on the client, never the other way round");
		rule.check(classes);
	}

	@Test
	void autoConfigurationLeavesHttpDetailsToTheClient() {
		ArchRule rule = noClasses().that()
			.resideInAPackage("me.tokenpay.spring.autoconfigure..")
			.should()
			.dependOnClassesThat(resideInAnyPackage("org.springframework.http..", "java.net.http..")
				.and(not(equivalentTo(ClientHttpRequestFactory.class))))
			.because("requests, responses and headers are the client's business; the auto-configuration only "
					+ "turns properties into client settings, and builds and closes the request factory");
		rule.check(classes);
	}

}
