package me.tokenpay.sample;

import java.net.URI;
import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import me.tokenpay.spring.client.wallet.Wallet;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/**
 * Registers, looks up, renames and removes monitored wallets: the receiving addresses a
 * merchant in "monitor wallet" mode gives its users. A deposit to one arrives as a pay-in
 * notification whose {@code to_address} is the wallet. Failures are turned into problem
 * details by {@link TokenPayProblemHandler} (an unknown wallet is a 404).
 *
 * @author TokenPay Spring Boot team
 */
@RestController
public class WalletController {

	private final MerchantSelector merchants;

	/**
	 * Create a new controller.
	 * @param merchants picks the merchant of each request
	 */
	public WalletController(MerchantSelector merchants) {
		this.merchants = merchants;
	}

	/**
	 * Register a wallet to be monitored.
	 * @param body the wallet
	 * @param merchant the merchant's name ({@code ?merchant=}), the default merchant when
	 * absent
	 * @return {@code 201 Created} with the wallet and its location
	 */
	@PostMapping("/wallets")
	public ResponseEntity<WalletView> add(@RequestBody AddWalletBody body,
			@RequestParam(required = false) @Nullable String merchant) {
		String address = RequestFields.required("walletAddress", body.walletAddress());
		Wallet wallet = this.merchants.operations(merchant)
			.wallets()
			.add(RequestFields.chain(body.chain()), address, body.name());
		URI location = URI.create("/wallets/" + UriUtils.encodePathSegment(address, "UTF-8") + "?chain="
				+ UriUtils.encodeQueryParam(RequestFields.chain(body.chain()).value(), "UTF-8"));
		return ResponseEntity.created(location).body(WalletView.of(wallet));
	}

	/**
	 * Look up a monitored wallet.
	 * @param address the wallet's address
	 * @param chain its chain, such as {@code TRON}
	 * @param merchant the merchant's name ({@code ?merchant=}), the default merchant when
	 * absent
	 * @param request the HTTP request, to refuse path parameters
	 * @return the wallet
	 */
	@GetMapping("/wallets/{address}")
	public WalletView get(@PathVariable String address, @RequestParam(required = false) @Nullable String chain,
			@RequestParam(required = false) @Nullable String merchant, HttpServletRequest request) {
		RequestFields.refusePathParameters("address", request);
		return WalletView.of(this.merchants.operations(merchant).wallets().get(RequestFields.chain(chain), address));
	}

	/**
	 * Change a monitored wallet's note.
	 * @param address the wallet's address
	 * @param body its chain and new note
	 * @param merchant the merchant's name ({@code ?merchant=}), the default merchant when
	 * absent
	 * @param request the HTTP request, to refuse path parameters
	 * @return the wallet
	 */
	@PutMapping("/wallets/{address}")
	public WalletView update(@PathVariable String address, @RequestBody UpdateWalletBody body,
			@RequestParam(required = false) @Nullable String merchant, HttpServletRequest request) {
		RequestFields.refusePathParameters("address", request);
		return WalletView.of(this.merchants.operations(merchant)
			.wallets()
			.update(RequestFields.chain(body.chain()), address, body.name()));
	}

	/**
	 * Stop monitoring a wallet.
	 * @param address the wallet's address
	 * @param chain its chain, such as {@code TRON}
	 * @param merchant the merchant's name ({@code ?merchant=}), the default merchant when
	 * absent
	 * @param request the HTTP request, to refuse path parameters
	 * @return {@code 204 No Content}
	 */
	@DeleteMapping("/wallets/{address}")
	public ResponseEntity<Void> delete(@PathVariable String address,
			@RequestParam(required = false) @Nullable String chain,
			@RequestParam(required = false) @Nullable String merchant, HttpServletRequest request) {
		RequestFields.refusePathParameters("address", request);
		this.merchants.operations(merchant).wallets().delete(RequestFields.chain(chain), address);
		return ResponseEntity.noContent().build();
	}

	/**
	 * The JSON body of a registration.
	 *
	 * @param walletAddress the address
	 * @param chain the chain, such as {@code TRON}
	 * @param name a note, such as the user's id
	 */
	public record AddWalletBody(@Nullable String walletAddress, @Nullable String chain, @Nullable String name) {

	}

	/**
	 * The JSON body of a rename.
	 *
	 * @param chain the wallet's chain
	 * @param name the new note
	 */
	public record UpdateWalletBody(@Nullable String chain, @Nullable String name) {

	}

	/**
	 * A wallet as this application shows it.
	 *
	 * @param walletAddress the address
	 * @param chain the chain
	 * @param name the note
	 * @param createTime when it was registered
	 * @param lastTime when it last received a deposit
	 */
	public record WalletView(@Nullable String walletAddress, @Nullable String chain, @Nullable String name,
			@Nullable Instant createTime, @Nullable Instant lastTime) {

		static WalletView of(Wallet wallet) {
			return new WalletView(wallet.walletAddress(), (wallet.chain() != null) ? wallet.chain().value() : null,
					wallet.name(), wallet.createTime(), wallet.lastTime());
		}

	}

}
