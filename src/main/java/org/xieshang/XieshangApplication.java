package org.xieshang;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Xieshang: the working platform of a local CPPCC committee. */
@SpringBootApplication
public class XieshangApplication {

    public static void main(String[] args) {
        SpringApplication.run(XieshangApplication.class, args);
    }
}
