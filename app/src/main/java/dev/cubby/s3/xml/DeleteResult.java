package dev.cubby.s3.xml;

import java.util.List;

/** DeleteObjects' answer: the keys deleted (none in quiet mode) and those that failed, each with why. */
public record DeleteResult(List<String> deleted, List<Failure> errors) implements XmlDocument {

    /** One key that could not be deleted, with its S3 error code and a message. */
    public record Failure(String key, String code, String message) {
    }

    @Override
    public void writeTo(XmlWriter xml) {
        xml.startRoot("DeleteResult");
        for (String key : deleted) {
            xml.start("Deleted").element("Key", key).end();
        }
        for (Failure error : errors) {
            xml.start("Error").element("Key", error.key()).element("Code", error.code())
                    .element("Message", error.message()).end();
        }
        xml.end();
    }
}
