package com.organizationsgateway.organization;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.organizationsgateway.graphql.errors.InputFieldError;
import com.organizationsgateway.graphql.errors.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The input checks added for hostile input: domain syntax, bounded names and lists, and
 * no control characters where they could end up in a header or a path.
 */
class InputRulesTest {

	@ParameterizedTest
	@ValueSource(
			strings = { "example.com", "a.b.c.example.co.uk", "xn--bcher-kva.example", "EXAMPLE.COM", "a-b.example" })
	void acceptsDomainNames(String domain) {
		assertThatNoException().isThrownBy(() -> check((errors) -> InputRules.domain(errors, "d", domain)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "localhost", "-a.example", "a-.example", "a..example", "exa mple.com", "bücher.example",
			"example.com/path", "../../etc", "example.com\u0000", "http://example.com", ".example.com" })
	void refusesWhatIsNoDomainName(String domain) {
		assertThat(codes((errors) -> InputRules.domain(errors, "d", domain))).containsExactly("invalid_domain");
	}

	@Test
	void boundsNamesListsAndSearch() {
		assertThat(codes((errors) -> InputRules.name(errors, "n", "x".repeat(256)))).containsExactly("too_long");
		assertThat(codes((errors) -> InputRules.name(errors, "n", "Acme\u0000Inc")))
			.containsExactly("control_characters");
		assertThat(codes((errors) -> InputRules.nodeIds(errors, "ids", Collections.nCopies(101, "x"))))
			.containsExactly("too_many");
		assertThat(codes((errors) -> InputRules.domainFilter(errors, "domains",
				Collections.nCopies(InputRules.MAX_DOMAINS + 1, "example.com"))))
			.containsExactly("too_many");
		assertThat(codes((errors) -> InputRules.search(errors, "search", "s".repeat(256)))).containsExactly("too_long");
		assertThat(codes((errors) -> InputRules.externalId(errors, "e", "crm\r\nX-Injected: 1")))
			.containsExactly("control_characters");
		assertThat(codes((errors) -> InputRules.stripeCustomerId(errors, "s", "cus_\n1"))).containsExactly("invalid");
	}

	private static void check(java.util.function.Consumer<InputErrors> rule) {
		InputErrors errors = new InputErrors();
		rule.accept(errors);
		errors.throwIfAny();
	}

	private static List<String> codes(java.util.function.Consumer<InputErrors> rule) {
		InvalidInputException ex = catchThrowableOfType(InvalidInputException.class, () -> check(rule));
		assertThat(ex).as("refused").isNotNull();
		return ex.fieldErrors().stream().map(InputFieldError::code).toList();
	}

}
