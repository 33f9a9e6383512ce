package com.organizationsgateway.local;

import java.util.random.RandomGenerator;

/**
 * Generates 26-character Crockford base32 ULIDs that are strictly increasing, even within
 * one millisecond or when the clock steps back, so sorting ids sorts by creation order.
 */
final class UlidGenerator {

	private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

	private final RandomGenerator random;

	private long lastMillis = -1;

	// the 80 random bits: 16 high bits and 64 low bits
	private int randomHigh;

	private long randomLow;

	UlidGenerator(RandomGenerator random) {
		this.random = random;
	}

	synchronized String next(long epochMillis) {
		if (epochMillis > this.lastMillis) {
			this.lastMillis = epochMillis;
			this.randomHigh = this.random.nextInt() & 0xFFFF;
			this.randomLow = this.random.nextLong();
		}
		else {
			increment();
		}
		return encode(this.lastMillis, this.randomHigh, this.randomLow);
	}

	private void increment() {
		this.randomLow++;
		if (this.randomLow == 0) {
			this.randomHigh = (this.randomHigh + 1) & 0xFFFF;
			if (this.randomHigh == 0) {
				// 2^80 ids in one millisecond: borrow the next millisecond to
				// stay monotonic
				this.lastMillis++;
			}
		}
	}

	private static String encode(long millis, int high, long low) {
		char[] chars = new char[26];
		long time = millis;
		for (int i = 9; i >= 0; i--) {
			chars[i] = ALPHABET[(int) (time & 31)];
			time >>>= 5;
		}
		int hi = high;
		long lo = low;
		for (int i = 25; i >= 10; i--) {
			chars[i] = ALPHABET[(int) (lo & 31)];
			lo = (lo >>> 5) | ((long) (hi & 31) << 59);
			hi >>>= 5;
		}
		return new String(chars);
	}

}
