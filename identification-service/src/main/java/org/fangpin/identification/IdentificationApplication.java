package org.fangpin.identification;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Discovery (线索) and identification (识别认定) of monitoring objects. */
@SpringBootApplication
public class IdentificationApplication {

    public static void main(String[] args) {
        SpringApplication.run(IdentificationApplication.class, args);
    }
}
