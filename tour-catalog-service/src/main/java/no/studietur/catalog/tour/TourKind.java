package no.studietur.catalog.tour;

public enum TourKind {
    STUDY_TOUR, THEME_DAY, REGIONAL_GATHERING, SEMINAR
}
