package no.studietur.billing.document;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.helger.ubl21.UBL21Marshaller;

import no.studietur.contracts.billing.BillingParty;
import no.studietur.contracts.billing.CreditNoteIssued;
import no.studietur.contracts.billing.InvoiceIssued;
import no.studietur.contracts.billing.InvoiceLine;
import no.studietur.contracts.billing.Seller;
import no.studietur.contracts.billing.VatSubtotal;
import no.studietur.contracts.common.Money;
import no.studietur.contracts.common.TourSummary;
import no.studietur.contracts.common.VatTreatment;
import no.studietur.documents.PdfDocuments;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.AddressType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.BillingReferenceType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.ContactType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.CountryType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.CreditNoteLineType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.CustomerPartyType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.DeliveryType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.DocumentReferenceType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.FinancialAccountType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.InvoiceLineType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.ItemType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.LocationType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.MonetaryTotalType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.OrderReferenceType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PartyLegalEntityType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PartyNameType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PartyTaxSchemeType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PartyType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PaymentMeansType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PaymentTermsType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PriceType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.SupplierPartyType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.TaxCategoryType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.TaxSchemeType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.TaxSubtotalType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.TaxTotalType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.NoteType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.PaymentIDType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.TaxExemptionReasonType;
import oasis.names.specification.ubl.schema.xsd.creditnote_21.CreditNoteType;
import oasis.names.specification.ubl.schema.xsd.invoice_21.InvoiceType;

/**
 * Invoices and credit notes as EHF Billing 3.0 (PEPPOL BIS Billing 3.0) UBL 2.1, built on the ph-ubl21 object
 * model so the XML is schema-shaped by construction. Built from the billing events, which carry the whole
 * document.
 */
public final class EhfDocuments {

    static final String CUSTOMIZATION = "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0";
    static final String PROFILE = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";
    private static final String CREDIT_TRANSFER = "30";
    private static final String UNIT_ONE = "C62";
    /** PEPPOL electronic address schemes (EAS) by the country whose register issued the organisation number. */
    private static final Map<String, String> ADDRESS_SCHEME = Map.of("NO", "0192", "SE", "0007", "DK", "0184");
    private static final String EMAIL_SCHEME = "EM";

    private EhfDocuments() {
    }

    public static String invoice(InvoiceIssued invoice) {
        InvoiceType ubl = new InvoiceType();
        ubl.setCustomizationID(CUSTOMIZATION);
        ubl.setProfileID(PROFILE);
        ubl.setID(invoice.invoiceNumber());
        ubl.setIssueDate(invoice.issueDate());
        ubl.setDueDate(invoice.dueDate());
        ubl.setInvoiceTypeCode(InvoiceIssued.TYPE_CODE);
        ubl.setDocumentCurrencyCode(invoice.currency());
        String buyerReference = invoice.buyer().address().buyerReference();
        if (hasText(buyerReference)) {
            ubl.setBuyerReference(buyerReference);
        } else {
            ubl.setOrderReference(orderReference(invoice.registrationId()));
        }
        ubl.setAccountingSupplierParty(supplier(invoice.seller()));
        ubl.setAccountingCustomerParty(customer(invoice.buyer()));
        ubl.addDelivery(delivery(invoice.tour()));
        ubl.addPaymentMeans(paymentMeans(invoice.kid(), invoice.seller()));
        PaymentTermsType terms = new PaymentTermsType();
        terms.addNote(new NoteType("Betales innen " + invoice.dueDate() + " til konto "
                + invoice.seller().bankAccount() + " med KID " + invoice.kid()));
        ubl.addPaymentTerms(terms);
        ubl.addTaxTotal(taxTotal(invoice.vatBreakdown(), invoice.vatTotal()));
        ubl.setLegalMonetaryTotal(monetaryTotal(invoice.netTotal(), invoice.payableAmount()));
        int lineNumber = 1;
        for (InvoiceLine line : invoice.lines()) {
            InvoiceLineType ublLine = new InvoiceLineType();
            ublLine.setID(String.valueOf(lineNumber++));
            ublLine.setInvoicedQuantity(BigDecimal.valueOf(line.quantity())).setUnitCode(UNIT_ONE);
            ublLine.setLineExtensionAmount(line.lineNetAmount().amount()).setCurrencyID(invoice.currency());
            ublLine.setItem(item(line));
            ublLine.setPrice(price(line.unitPrice()));
            ubl.addInvoiceLine(ublLine);
        }
        return UBL21Marshaller.invoice().getAsString(ubl);
    }

    public static String creditNote(CreditNoteIssued note) {
        CreditNoteType ubl = new CreditNoteType();
        ubl.setCustomizationID(CUSTOMIZATION);
        ubl.setProfileID(PROFILE);
        ubl.setID(note.creditNoteNumber());
        ubl.setIssueDate(note.issueDate());
        ubl.setCreditNoteTypeCode(CreditNoteIssued.TYPE_CODE);
        ubl.addNote(new NoteType(PdfDocuments.reasonText(note.reason())));
        ubl.setDocumentCurrencyCode(note.currency());
        String buyerReference = note.buyer().address().buyerReference();
        if (hasText(buyerReference)) {
            ubl.setBuyerReference(buyerReference);
        } else {
            ubl.setOrderReference(orderReference(note.registrationId()));
        }
        ubl.addBillingReference(invoiceReference(note.invoiceNumber(), note.invoiceIssueDate()));
        ubl.setAccountingSupplierParty(supplier(note.seller()));
        ubl.setAccountingCustomerParty(customer(note.buyer()));
        ubl.addDelivery(delivery(note.tour()));
        ubl.addPaymentMeans(paymentMeans(note.kid(), note.seller()));
        ubl.addTaxTotal(taxTotal(note.vatBreakdown(), note.vatTotal()));
        ubl.setLegalMonetaryTotal(monetaryTotal(note.netTotal(), note.creditedAmount()));
        int lineNumber = 1;
        for (InvoiceLine line : note.lines()) {
            CreditNoteLineType ublLine = new CreditNoteLineType();
            ublLine.setID(String.valueOf(lineNumber++));
            ublLine.setCreditedQuantity(BigDecimal.valueOf(line.quantity())).setUnitCode(UNIT_ONE);
            ublLine.setLineExtensionAmount(line.lineNetAmount().amount()).setCurrencyID(note.currency());
            ublLine.setItem(item(line));
            ublLine.setPrice(price(line.unitPrice()));
            ubl.addCreditNoteLine(ublLine);
        }
        return UBL21Marshaller.creditNote().getAsString(ubl);
    }

    private static OrderReferenceType orderReference(String registrationId) {
        OrderReferenceType order = new OrderReferenceType();
        order.setID(registrationId);
        return order;
    }

    private static BillingReferenceType invoiceReference(String invoiceNumber, LocalDate issueDate) {
        DocumentReferenceType invoice = new DocumentReferenceType();
        invoice.setID(invoiceNumber);
        invoice.setIssueDate(issueDate);
        BillingReferenceType reference = new BillingReferenceType();
        reference.setInvoiceDocumentReference(invoice);
        return reference;
    }

    private static SupplierPartyType supplier(Seller seller) {
        PartyType party = new PartyType();
        party.setEndpointID(seller.organisationNumber()).setSchemeID(ADDRESS_SCHEME.get(seller.country()));
        party.addPartyName(partyName(seller.name()));
        party.setPostalAddress(address(seller.street(), seller.postcode(), seller.town(), seller.country()));
        if (seller.vatRegistered()) {
            party.addPartyTaxScheme(taxScheme(seller.country() + seller.organisationNumber() + "MVA", "VAT"));
        }
        // Norwegian limited companies must state that they are in the Register of Business Enterprises (NO-R-002).
        party.addPartyTaxScheme(taxScheme("Foretaksregisteret", "TAX"));
        party.addPartyLegalEntity(legalEntity(seller.name(), seller.organisationNumber(),
                ADDRESS_SCHEME.get(seller.country())));
        ContactType contact = new ContactType();
        contact.setElectronicMail(seller.email());
        contact.setTelephone(seller.phone());
        party.setContact(contact);
        SupplierPartyType supplier = new SupplierPartyType();
        supplier.setParty(party);
        return supplier;
    }

    private static CustomerPartyType customer(BillingParty buyer) {
        PartyType party = new PartyType();
        String scheme = ADDRESS_SCHEME.get(buyer.organisation().country());
        if (scheme != null) {
            party.setEndpointID(buyer.organisation().organisationNumber()).setSchemeID(scheme);
        } else {
            party.setEndpointID(buyer.address().email()).setSchemeID(EMAIL_SCHEME);
        }
        party.addPartyName(partyName(buyer.organisation().name()));
        party.setPostalAddress(address(buyer.address().street(), buyer.address().postcode(), buyer.address().town(),
                buyer.address().country()));
        party.addPartyLegalEntity(legalEntity(buyer.organisation().name(),
                buyer.organisation().organisationNumber(), scheme));
        CustomerPartyType customer = new CustomerPartyType();
        customer.setParty(party);
        return customer;
    }

    private static PartyNameType partyName(String name) {
        PartyNameType partyName = new PartyNameType();
        partyName.setName(name);
        return partyName;
    }

    private static AddressType address(String street, String postcode, String town, String country) {
        AddressType address = new AddressType();
        address.setStreetName(street);
        address.setPostalZone(postcode);
        address.setCityName(town);
        CountryType countryType = new CountryType();
        countryType.setIdentificationCode(country);
        address.setCountry(countryType);
        return address;
    }

    private static PartyTaxSchemeType taxScheme(String companyId, String scheme) {
        PartyTaxSchemeType taxScheme = new PartyTaxSchemeType();
        taxScheme.setCompanyID(companyId);
        taxScheme.setTaxScheme(scheme(scheme));
        return taxScheme;
    }

    private static TaxSchemeType scheme(String id) {
        TaxSchemeType scheme = new TaxSchemeType();
        scheme.setID(id);
        return scheme;
    }

    private static PartyLegalEntityType legalEntity(String name, String organisationNumber, String scheme) {
        PartyLegalEntityType legalEntity = new PartyLegalEntityType();
        legalEntity.setRegistrationName(name);
        var companyId = legalEntity.setCompanyID(organisationNumber);
        if (scheme != null) {
            companyId.setSchemeID(scheme);
        }
        return legalEntity;
    }

    /** Where and when the service is delivered (bokføringsforskriften § 5-1-1): the tour's place and start. */
    private static DeliveryType delivery(TourSummary tour) {
        DeliveryType delivery = new DeliveryType();
        delivery.setActualDeliveryDate(tour.startDate());
        LocationType location = new LocationType();
        AddressType address = new AddressType();
        address.setCityName(tour.place());
        CountryType country = new CountryType();
        country.setIdentificationCode(tour.country());
        address.setCountry(country);
        location.setAddress(address);
        delivery.setDeliveryLocation(location);
        return delivery;
    }

    private static PaymentMeansType paymentMeans(String kid, Seller seller) {
        PaymentMeansType means = new PaymentMeansType();
        means.setPaymentMeansCode(CREDIT_TRANSFER);
        means.addPaymentID(new PaymentIDType(kid));
        FinancialAccountType account = new FinancialAccountType();
        account.setID(seller.bankAccount());
        means.setPayeeFinancialAccount(account);
        return means;
    }

    private static TaxTotalType taxTotal(List<VatSubtotal> breakdown, Money vatTotal) {
        TaxTotalType total = new TaxTotalType();
        total.setTaxAmount(vatTotal.amount()).setCurrencyID(vatTotal.currency());
        for (VatSubtotal subtotal : breakdown) {
            TaxSubtotalType ublSubtotal = new TaxSubtotalType();
            ublSubtotal.setTaxableAmount(subtotal.taxableAmount().amount())
                    .setCurrencyID(subtotal.taxableAmount().currency());
            ublSubtotal.setTaxAmount(subtotal.taxAmount().amount()).setCurrencyID(subtotal.taxAmount().currency());
            TaxCategoryType category = category(subtotal.vat());
            if (hasText(subtotal.vat().exemptionReason())) {
                category.addTaxExemptionReason(new TaxExemptionReasonType(subtotal.vat().exemptionReason()));
            }
            ublSubtotal.setTaxCategory(category);
            total.addTaxSubtotal(ublSubtotal);
        }
        return total;
    }

    private static TaxCategoryType category(VatTreatment vat) {
        TaxCategoryType category = new TaxCategoryType();
        category.setID(vat.category());
        category.setPercent(vat.ratePercent());
        category.setTaxScheme(scheme("VAT"));
        return category;
    }

    private static MonetaryTotalType monetaryTotal(Money net, Money payable) {
        MonetaryTotalType total = new MonetaryTotalType();
        total.setLineExtensionAmount(net.amount()).setCurrencyID(net.currency());
        total.setTaxExclusiveAmount(net.amount()).setCurrencyID(net.currency());
        total.setTaxInclusiveAmount(payable.amount()).setCurrencyID(payable.currency());
        total.setPayableAmount(payable.amount()).setCurrencyID(payable.currency());
        return total;
    }

    private static ItemType item(InvoiceLine line) {
        ItemType item = new ItemType();
        item.setName(line.description());
        item.addClassifiedTaxCategory(category(line.vat()));
        return item;
    }

    private static PriceType price(Money unitPrice) {
        PriceType price = new PriceType();
        price.setPriceAmount(unitPrice.amount()).setCurrencyID(unitPrice.currency());
        return price;
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
