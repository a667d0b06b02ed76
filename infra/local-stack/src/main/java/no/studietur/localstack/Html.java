package no.studietur.localstack;

/** The inbox pages. Everything that came in an e-mail is escaped, except the HTML part shown in a sandbox. */
final class Html {

    static final String HEAD = "<!doctype html><html><head><meta charset=\"utf-8\"><title>Local inbox</title>"
            + "<style>body{font-family:sans-serif;margin:2em}td,th{padding:.3em .8em;text-align:left}"
            + "iframe{width:100%;height:60vh;border:1px solid #ccc}</style></head><body>";

    private Html() {
    }

    static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    static String message(ReceivedMail mail) {
        StringBuilder page = new StringBuilder(HEAD).append("<p><a href=\"/\">&larr; inbox</a></p><h1>")
                .append(escape(mail.subject())).append("</h1><p>From: ").append(escape(mail.from()))
                .append("<br>To: ").append(escape(String.join(", ", mail.to())))
                .append("<br>Attachments: ").append(escape(String.join(", ", mail.attachments()))).append("</p>");
        if (mail.html() != null) {
            page.append("<iframe sandbox srcdoc=\"").append(escape(mail.html())).append("\"></iframe>");
        }
        page.append("<h2>Plain text</h2><pre>").append(escape(mail.text())).append("</pre></body></html>");
        return page.toString();
    }
}
