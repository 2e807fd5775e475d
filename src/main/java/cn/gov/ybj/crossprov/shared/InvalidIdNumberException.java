package cn.gov.ybj.crossprov.shared;

/** Bad user input: the message is bilingual (Chinese first) and can be shown as it is. */
public class InvalidIdNumberException extends IllegalArgumentException {

    public InvalidIdNumberException(String message) {
        super(message);
    }
}
