package me.tokenpay.spring.client.currency;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import me.tokenpay.spring.client.Chain;
import me.tokenpay.spring.client.error.TokenPayUnexpectedResponseException;
import me.tokenpay.spring.client.operation.DataDecoder;
import me.tokenpay.spring.client.operation.LenientFields;
import me.tokenpay.spring.client.operation.ResponseEnvelope;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import static me.tokenpay.spring.client.operation.LenientFields.chain;
import static me.tokenpay.spring.client.operation.LenientFields.epochMillis;
import static me.tokenpay.spring.client.operation.LenientFields.minorAmount;
import static me.tokenpay.spring.client.operation.LenientFields.text;

/**
 * Decodes the balance inquiry's {@code data}: a balance object, or an array of them (the
 * gateway's page says "array", its example shows an object). The object for the requested
 * chain and currency is taken; fields it lacks come from the request, and a missing
 * {@code decimal} from the currency list when known. An answer without a usable balance
 * of that currency is a {@link TokenPayUnexpectedResponseException}.
 *
 * @param requestedChain the requested chain, {@code null} to take the first object's
 * @param requestedCurrency the requested currency, {@code null} to take the first
 * object's
 * @param decimals the decimals of currencies known without a call
 * @author TokenPay Spring Boot team
 */
record BalanceDecoder(@Nullable Chain requestedChain, @Nullable String requestedCurrency,
		CurrencyDecimals decimals) implements DataDecoder<Balance> {

	@Override
	public Balance decode(ResponseEnvelope envelope) {
		for (JsonNode candidate : objects(envelope.data())) {
			Chain sentChain = chain(candidate, "chain");
			String sentCurrency = text(candidate, "currency");
			if (matches(this.requestedChain, sentChain) && matches(this.requestedCurrency, sentCurrency)) {
				Chain balanceChain = (this.requestedChain != null) ? this.requestedChain : sentChain;
				String balanceCurrency = (this.requestedCurrency != null) ? this.requestedCurrency : sentCurrency;
				if (balanceChain != null && balanceCurrency != null) {
					return balance(candidate, balanceChain, balanceCurrency, envelope);
				}
			}
		}
		throw unexpected("'data' carries no balance" + ((this.requestedCurrency != null && this.requestedChain != null)
				? " of " + this.requestedCurrency + " on " + this.requestedChain : " with a chain and currency"),
				envelope);
	}

	private Balance balance(JsonNode object, Chain chain, String currency, ResponseEnvelope envelope) {
		BigInteger minor = minorAmount(object, "balance", false);
		if (minor == null) {
			throw unexpected("the balance is not a whole number of minor units", envelope);
		}
		Integer decimal = LenientFields.decimals(object, "decimal");
		if (decimal == null) {
			decimal = this.decimals.knownDecimals(chain, currency);
		}
		if (decimal == null) {
			throw unexpected("the balance has no usable decimal", envelope);
		}
		return new Balance(chain, currency, minor, decimal, text(object, "network"), epochMillis(object, "create_time"),
				epochMillis(object, "modify_time"), object.toString());
	}

	private static <T> boolean matches(@Nullable T requested, @Nullable T sent) {
		return requested == null || sent == null || requested.equals(sent);
	}

	private static List<JsonNode> objects(@Nullable JsonNode data) {
		List<JsonNode> objects = new ArrayList<>();
		if (data != null && data.isObject()) {
			objects.add(data);
		}
		else if (data != null && data.isArray()) {
			data.forEach((element) -> {
				if (element.isObject()) {
					objects.add(element);
				}
			});
		}
		return objects;
	}

	private static TokenPayUnexpectedResponseException unexpected(String problem, ResponseEnvelope envelope) {
		return new TokenPayUnexpectedResponseException(problem, envelope.httpStatus(), envelope.requestId());
	}

}
