package me.tokenpay.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Sample web application that cancels TokenPay payouts through the TokenPay Spring Boot
 * starter. The {@code tokenpay.*} credentials come from the environment or the command
 * line, for example {@code --tokenpay.app-id=...}.
 *
 * @author TokenPay Spring Boot team
 */
@SpringBootApplication
public class TokenPaySampleApplication {

	/**
	 * Start the application.
	 * @param args the command line arguments
	 */
	public static void main(String[] args) {
		SpringApplication.run(TokenPaySampleApplication.class, args);
	}

}
