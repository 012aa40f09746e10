package coder.notifications.config;

/** A setting has a value the service cannot run with; the message names the environment variable. */
public class InvalidSettingException extends RuntimeException {

    private final String variable;

    public InvalidSettingException(String variable, String message) {
        super(variable + ": " + message);
        this.variable = variable;
    }

    public String variable() {
        return variable;
    }
}
