package cn.gov.ybj.crossprov.settlement;

import cn.gov.ybj.crossprov.shared.BusinessRuleException;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A policy (or a part of one) was refused; {@link #problems()} lists every reason found at that
 * level, the messages join them (Chinese with {@code ；}, English with {@code ; }).
 */
public class InvalidPolicyException extends BusinessRuleException {

    private final List<PolicyProblem> problems;

    public InvalidPolicyException(List<PolicyProblem> problems) {
        super(problems.stream().map(PolicyProblem::messageZh).collect(Collectors.joining("；")),
                problems.stream().map(PolicyProblem::messageEn).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<PolicyProblem> problems() {
        return problems;
    }
}
