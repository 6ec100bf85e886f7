package dev.cobra.runtime;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Cobra's runtime: one stateless instance over MongoDB (embedded by default). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CobraApplication {

    public static void main(String[] args) {
        SpringApplication.run(CobraApplication.class, args);
    }
}
