package no.studietur.billing.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.xml.sax.InputSource;

import com.helger.diver.api.coord.DVRCoordinate;
import com.helger.phive.api.execute.ValidationExecutionManager;
import com.helger.phive.api.executorset.IValidationExecutorSet;
import com.helger.phive.api.executorset.ValidationExecutorSetRegistry;
import com.helger.phive.api.result.ValidationResultList;
import com.helger.phive.api.validity.IValidityDeterminator;
import com.helger.phive.peppol.PeppolValidation;
import com.helger.phive.peppol.PeppolValidation2026_05;
import com.helger.phive.xml.source.IValidationSourceXML;
import com.helger.phive.xml.source.ValidationSourceXML;

/**
 * The official PEPPOL BIS Billing 3.0 rules (2026.5: UBL schema, EN 16931, PEPPOL and the Norwegian NO-R rules)
 * as the phive rule set ships them. The first validation in a JVM compiles the rules (seconds); later ones are
 * fast.
 */
public final class PeppolRules {

    private static final ValidationExecutorSetRegistry<IValidationSourceXML> REGISTRY = registry();

    private PeppolRules() {
    }

    public static void assertValidInvoice(String xml) {
        assertValid(xml, PeppolValidation2026_05.VID_OPENPEPPOL_INVOICE_UBL_V3);
    }

    public static void assertValidCreditNote(String xml) {
        assertValid(xml, PeppolValidation2026_05.VID_OPENPEPPOL_CREDIT_NOTE_UBL_V3);
    }

    private static void assertValid(String xml, DVRCoordinate rules) {
        IValidationExecutorSet<IValidationSourceXML> executors = REGISTRY.getOfID(rules);
        assertThat(executors).as("rule set %s", rules).isNotNull();
        ValidationResultList results = ValidationExecutionManager.executeValidation(
                IValidityDeterminator.createDefault(), executors, ValidationSourceXML.create("document", parse(xml)));
        List<String> errors = new ArrayList<>();
        results.forEachFlattened(error -> error.isError(), error -> errors.add(error.getAsString(Locale.ENGLISH)));
        assertThat(errors).as("PEPPOL errors in%n%s", xml).isEmpty();
        // A schema failure stops the rule stages, so "no errors" must also mean every stage ran.
        assertThat(results.size()).as("validation stages").isEqualTo(executors.getAllExecutors().size());
        results.forEach(stage -> assertThat(stage.isSkipped()).as("stage %s skipped", stage).isFalse());
        assertThat(results.containsNoError()).isTrue();
    }

    private static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (Exception unparseable) {
            throw new AssertionError("Not well-formed XML", unparseable);
        }
    }

    private static ValidationExecutorSetRegistry<IValidationSourceXML> registry() {
        ValidationExecutorSetRegistry<IValidationSourceXML> registry = new ValidationExecutorSetRegistry<>();
        PeppolValidation.initStandard(registry);
        return registry;
    }
}
