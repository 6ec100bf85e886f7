package dev.cobra.runtime.account;

import java.util.List;

/** One debtor's account document: imported balances and payments, with the optimistic version of the document. */
public record AccountRecord(String debtorId, long version, List<ImportedBalance> imports, List<AccountPayment> payments) {

    public AccountRecord {
        imports = imports == null ? List.of() : List.copyOf(imports);
        payments = payments == null ? List.of() : List.copyOf(payments);
    }

    static AccountRecord empty(String debtorId) {
        return new AccountRecord(debtorId, 0, List.of(), List.of());
    }

    boolean hasPayment(String reference) {
        return payments.stream().anyMatch(p -> p.reference().equals(reference));
    }
}
