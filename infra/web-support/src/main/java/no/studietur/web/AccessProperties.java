package no.studietur.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param publicPaths      what anyone may call (Ant patterns, optionally prefixed with an HTTP method and a
 *                         space, e.g. {@code "POST /api/registrations"}); everything else needs an operator
 * @param partnerPaths     what partner clients (role PARTNER) may call, same syntax
 * @param operatorUsername the development operator's name; only the local profile sets it
 * @param operatorPassword the development operator's password
 */
@ConfigurationProperties("studietur.access")
public record AccessProperties(List<String> publicPaths, List<String> partnerPaths, String operatorUsername,
                               String operatorPassword) {

    public AccessProperties {
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
        partnerPaths = partnerPaths == null ? List.of() : List.copyOf(partnerPaths);
    }
}
