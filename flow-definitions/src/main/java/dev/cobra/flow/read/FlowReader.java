package dev.cobra.flow.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.cobra.flow.model.Flow;
import dev.cobra.flow.model.Step;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a flow from its YAML text. Step ids are the keys of the {@code steps} map; the reader copies each
 * key into its step so the model never has an id-less step. Thread-safe.
 */
public final class FlowReader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);

    /**
     * @param expectedId the id the flow is stored under (file name or URL); used in messages when the YAML
     *                   has none, and filled in when the YAML omits {@code id}
     * @throws FlowParseException naming the flow and step on any problem
     */
    public Flow read(String expectedId, String yamlText) {
        JsonNode root;
        try {
            root = YAML.readTree(yamlText == null ? "" : yamlText);
        } catch (JsonProcessingException e) {
            throw new FlowParseException(expectedId, null, "Not valid YAML: " + e.getOriginalMessage()
                    + location(e), e);
        }
        if (root == null || !root.isObject()) {
            throw new FlowParseException(expectedId, null, "A flow must be a YAML mapping with id, entry and steps", null);
        }
        ObjectNode flowNode = (ObjectNode) root;
        String flowId = flowNode.hasNonNull("id") ? flowNode.get("id").asText() : expectedId;
        flowNode.put("id", flowId);
        JsonNode stepsNode = flowNode.get("steps");
        if (stepsNode != null && !stepsNode.isObject()) {
            throw new FlowParseException(flowId, null, "'steps' must be a mapping from step id to step", null);
        }
        Map<String, Step> steps = new LinkedHashMap<>();
        if (stepsNode != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = stepsNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                String stepId = entry.getKey();
                if (!entry.getValue().isObject()) {
                    throw new FlowParseException(flowId, stepId, "Step '" + stepId + "' must be a mapping with a type", null);
                }
                ObjectNode stepNode = (ObjectNode) entry.getValue();
                if (!stepNode.hasNonNull("type")) {
                    throw new FlowParseException(flowId, stepId, "Step '" + stepId + "' has no type", null);
                }
                stepNode.put("id", stepId);
                try {
                    steps.put(stepId, YAML.treeToValue(stepNode, Step.class));
                } catch (JsonProcessingException e) {
                    throw new FlowParseException(flowId, stepId, "Step '" + stepId + "': " + e.getOriginalMessage(), e);
                }
            }
        }
        flowNode.remove("steps");
        try {
            Flow header = YAML.treeToValue(flowNode, Flow.class);
            return new Flow(header.id(), header.title(), header.description(), header.entry(), header.locales(),
                    header.selection(), header.settings(), header.globalRoutes(), header.whatsapp(), header.repair(),
                    header.entities(), steps);
        } catch (JsonProcessingException e) {
            throw new FlowParseException(flowId, null, "Flow '" + flowId + "': " + e.getOriginalMessage(), e);
        }
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
    }
}
