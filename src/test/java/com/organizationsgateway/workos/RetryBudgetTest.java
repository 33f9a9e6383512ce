package com.organizationsgateway.workos;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared retry budget: a reserve, refilled by a share of first attempts. */
class RetryBudgetTest {

	@Test
	void theReserveIsSpentThenRefilledByFirstAttempts() {
		RetryBudget budget = new RetryBudget(0.25, 3);
		assertThat(budget.tryRetry()).isTrue();
		assertThat(budget.tryRetry()).isTrue();
		assertThat(budget.tryRetry()).isTrue();
		assertThat(budget.tryRetry()).isFalse();
		for (int i = 0; i < 3; i++) {
			budget.recordAttempt();
		}
		assertThat(budget.tryRetry()).isFalse();
		budget.recordAttempt();
		assertThat(budget.tryRetry()).isTrue();
		assertThat(budget.tryRetry()).isFalse();
	}

	@Test
	void aQuietSpellDoesNotBankMoreThanTheReserve() {
		RetryBudget budget = new RetryBudget(0.5, 2);
		for (int i = 0; i < 1000; i++) {
			budget.recordAttempt();
		}
		assertThat(budget.tokens()).isEqualTo(2.0);
	}

}
