package dev.cobra.runtime.flow;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;

/**
 * Serves {@code flow.schema.json} (from flow-definitions) so the designer's YAML editor gets completion and
 * errors from the same schema the build checks the shipped flows against.
 */
@RestController
public class FlowSchemaController {

    static final String SCHEMA = "flow.schema.json";

    @GetMapping(path = "/api/flow-schema", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Resource> schema() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)))
                .body(new ClassPathResource(SCHEMA));
    }
}
