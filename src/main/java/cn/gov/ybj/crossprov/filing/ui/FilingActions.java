package cn.gov.ybj.crossprov.filing.ui;

import cn.gov.ybj.crossprov.filing.Channel;
import cn.gov.ybj.crossprov.filing.Filing;
import cn.gov.ybj.crossprov.filing.FilingAction;
import cn.gov.ybj.crossprov.filing.FilingOptions;
import cn.gov.ybj.crossprov.filing.FilingStatus;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** How 我的备案 shows a filing's actions, and how its tabs and status filters map to statuses (004 §2). */
public final class FilingActions {

    private FilingActions() {
    }

    /** Row actions, one per {@link FilingAction}; each knows its translation key, id prefix and route. */
    public enum Action {
        RESUBMIT("filings.action.resubmit", "resubmit", "insured/filing/%s/edit"),
        CHANGE("filings.action.change", "change", "insured/filing/%s/change"),
        SUPPLEMENT("filings.action.supplement", "supplement", "insured/filing/%s/supplement"),
        CHRONIC("filings.action.chronic", "chronic", "insured/filing/%s/chronic"),
        CANCEL("filings.action.cancel", "cancel", "insured/filing/%s/cancel"),
        /** asked in a confirmation dialog on the list, so its route is the details */
        WITHDRAW("filings.action.withdraw", "withdraw", "insured/filing/%s"),
        DETAILS("filings.action.details", "details", "insured/filing/%s");

        private final String key;
        private final String idPrefix;
        private final String route;

        Action(String key, String idPrefix, String route) {
            this.key = key;
            this.idPrefix = idPrefix;
            this.route = route;
        }

        public String key() {
            return key;
        }

        public String idPrefix() {
            return idPrefix;
        }

        public String route(Filing f) {
            return route.formatted(f.id());
        }
    }

    /** The actions {@link FilingAction#allowed} gives, with what the screen needs to show them. */
    public static List<Action> allowed(Filing f, FilingOptions o) {
        return FilingAction.allowed(f, o).stream().map(a -> Action.valueOf(a.name())).toList();
    }

    /** The status filters of a tab: quick and local 全部/申办中/已办结/已关闭/被退回, self-service 全部/已开通/已关闭/开通失败. */
    public enum StatusFilter {
        ALL("filings.filter.all", EnumSet.allOf(FilingStatus.class)),
        IN_PROGRESS("filings.filter.inProgress", EnumSet.of(FilingStatus.SUBMITTED)),
        DONE("filings.filter.done", EnumSet.of(FilingStatus.OPENED, FilingStatus.FAILED)),
        CLOSED("filings.filter.closed", EnumSet.of(FilingStatus.CLOSED)),
        RETURNED("filings.filter.returned", EnumSet.of(FilingStatus.RETURNED)),
        OPENED("filings.filter.opened", EnumSet.of(FilingStatus.OPENED)),
        FAILED("filings.filter.failed", EnumSet.of(FilingStatus.FAILED));

        private final String key;
        private final Set<FilingStatus> statuses;

        StatusFilter(String key, Set<FilingStatus> statuses) {
            this.key = key;
            this.statuses = statuses;
        }

        public String key() {
            return key;
        }

        public boolean matches(Filing f) {
            return statuses.contains(f.status());
        }
    }

    /** The tab's status filters; the 地方平台 tab has none (004 §2.3): it lists every record. */
    public static List<StatusFilter> filters(Channel tab) {
        return switch (tab) {
            case NATIONAL_APP_SELF_SERVICE -> List.of(StatusFilter.ALL, StatusFilter.OPENED, StatusFilter.CLOSED, StatusFilter.FAILED);
            case NATIONAL_APP_QUICK -> List.of(StatusFilter.ALL, StatusFilter.IN_PROGRESS, StatusFilter.DONE, StatusFilter.CLOSED,
                    StatusFilter.RETURNED);
            case LOCAL -> List.of();
        };
    }

    public static List<Filing> select(List<Filing> all, Channel tab, StatusFilter filter) {
        return all.stream().filter(f -> f.channel() == tab && (filter == null || filter.matches(f))).toList();
    }

    public static String tabKey(Channel channel) {
        return switch (channel) {
            case NATIONAL_APP_QUICK -> "filings.tab.quick";
            case NATIONAL_APP_SELF_SERVICE -> "filings.tab.self";
            case LOCAL -> "filings.tab.local";
        };
    }
}
