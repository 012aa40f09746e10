package coder.notifications.delivery.smtp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * TLS sockets that check the relay's certificate for its host name during the handshake, against
 * {@code CODER_EMAIL_TLS_SERVERNAME} when that is set (also sent as SNI), else against the host connected to.
 */
final class VerifyingSockets extends SSLSocketFactory {

    private final SSLSocketFactory delegate;
    private final Optional<String> serverName;
    private final boolean verify;

    VerifyingSockets(SSLSocketFactory delegate, Optional<String> serverName, boolean verify) {
        this.delegate = delegate;
        this.serverName = serverName;
        this.verify = verify;
    }

    @Override
    public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
        return configure(delegate.createSocket(socket, serverName.orElse(host), port, autoClose));
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return createSocket(new Socket(host, port), host, port, true);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return createSocket(new Socket(host, port, localHost, localPort), host, port, true);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return createSocket(new Socket(host, port), host.getHostName(), port, true);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return createSocket(new Socket(address, port, localAddress, localPort), address.getHostName(), port, true);
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return delegate.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return delegate.getSupportedCipherSuites();
    }

    private Socket configure(Socket socket) {
        var tls = (SSLSocket) socket;
        var parameters = tls.getSSLParameters();
        if (verify) {
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
        }
        serverName.ifPresent(name -> parameters.setServerNames(List.of(new SNIHostName(name))));
        tls.setSSLParameters(parameters);
        return tls;
    }
}
