package dev.cobra.runtime.campaign;

import java.util.List;
import java.util.Locale;

/**
 * Reg F (12 CFR 1006.6(e)) asks for a clear opt-out notice in every electronic message to US consumers. The
 * preview warns when a campaign may reach US debtors and the registered template body names no way to opt out.
 * A warning only: the wording of approved templates is the creditor's and Meta's.
 */
final class OptOutNotice {

    private static final List<String> HINTS = List.of("stop", "baja", "opt out", "opt-out", "unsubscribe",
            "no recibir", "no deseas recibir", "cancelar");

    private OptOutNotice() {
    }

    static List<String> warnings(Campaign campaign, String templateBody) {
        String country = campaign.segment().country();
        boolean mayReachUs = country == null || country.equals("US");
        if (!mayReachUs || mentionsOptOut(templateBody)) {
            return List.of();
        }
        return List.of("The audience may include US debtors and the template body has no opt-out notice "
                + "(Reg F 12 CFR 1006.6(e)); e.g. add \"Reply STOP to opt out\".");
    }

    static boolean mentionsOptOut(String body) {
        if (body == null) {
            return false;
        }
        String text = body.toLowerCase(Locale.ROOT);
        return HINTS.stream().anyMatch(text::contains);
    }
}
