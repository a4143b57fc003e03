package org.fangpin.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A service's key and self-signed certificate for 127.0.0.1, made by the JDK's {@code keytool} as an operator
 * would: the key store a service serves TLS with, and the certificate (PEM) the gateway is told to trust.
 */
final class TestCertificate {

    private static final String PASSWORD = "changeit";

    private final Path keyStore;
    private final Path certificate;

    private TestCertificate(Path keyStore, Path certificate) {
        this.keyStore = keyStore;
        this.certificate = certificate;
    }

    static TestCertificate forLocalhost() {
        try {
            Path directory = Files.createTempDirectory("fangpin-tls");
            Path keyStore = directory.resolve("service.p12");
            Path certificate = directory.resolve("service.pem");
            keytool("-genkeypair", "-alias", "service", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2",
                    "-keystore", keyStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
            keytool("-exportcert", "-rfc", "-alias", "service", "-keystore", keyStore.toString(),
                    "-storepass", PASSWORD, "-file", certificate.toString());
            return new TestCertificate(keyStore, certificate);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The certificate in PEM, for the gateway's trusted certificates. */
    Path certificate() {
        return certificate;
    }

    SSLContext serverContext() {
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD.toCharArray());
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, PASSWORD.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the test key store", e);
        }
    }

    private static void keytool(String... arguments) throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new ArrayList<>(List.of(keytool.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        try {
            if (process.waitFor() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
