package me.tokenpay.sample.readme;

import me.tokenpay.spring.client.TokenPayOperations;
import me.tokenpay.spring.client.merchant.TokenPayMerchants;
import me.tokenpay.spring.client.payout.CreatePayoutRequest;
import me.tokenpay.spring.test.MockTokenPayServer;

/**
 * The variables the README's statement snippets use, named as its prose names them.
 *
 * @author TokenPay Spring Boot team
 */
@SuppressWarnings("NullAway.Init")
abstract class SnippetContext {

	TokenPayOperations tokenPay;

	TokenPayMerchants merchants;

	MockTokenPayServer mockTokenPay;

	CreatePayoutRequest request;

	String address;

	String appId;

	String mchId;

	String appSecret;

	String refundId;

}
