package me.tokenpay.spring.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import me.tokenpay.spring.client.TokenPayVersion;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;

/**
 * {@link InfoContributor} that adds a {@code tokenpay} entry to the {@code info}
 * endpoint: the gateway's base URL, the app id, the merchant id, the named merchants (app
 * id, merchant id and base URL of each) and the starter's version. It never reports an
 * app secret. Off unless {@code management.info.tokenpay.enabled} is {@code true}.
 *
 * @author TokenPay Spring Boot team
 */
public class TokenPayInfoContributor implements InfoContributor {

	private final TokenPayProperties properties;

	/**
	 * Create a new instance.
	 * @param properties the TokenPay properties to report
	 */
	public TokenPayInfoContributor(TokenPayProperties properties) {
		this.properties = properties;
	}

	@Override
	public void contribute(Info.Builder builder) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("baseUrl", this.properties.baseUrl());
		if (this.properties.appId() != null) {
			details.put("appId", this.properties.appId());
		}
		if (this.properties.mchId() != null) {
			details.put("mchId", this.properties.mchId());
		}
		if (this.properties.defaultMerchant() != null) {
			details.put("defaultMerchant", this.properties.defaultMerchant());
		}
		Map<String, Object> merchants = new LinkedHashMap<>();
		this.properties.namedMerchants().forEach((name, merchant) -> {
			Map<String, Object> merchantDetails = new LinkedHashMap<>();
			merchantDetails.put("appId", merchant.appId());
			merchantDetails.put("mchId", merchant.mchId());
			merchantDetails.put("baseUrl",
					(merchant.baseUrl() != null) ? merchant.baseUrl() : this.properties.baseUrl());
			merchants.put(name, merchantDetails);
		});
		if (!merchants.isEmpty()) {
			details.put("merchants", merchants);
		}
		details.put("version", TokenPayVersion.get());
		builder.withDetail("tokenpay", details);
	}

}
