package dev.aapl.core.port.out;

import dev.aapl.core.domain.ModelMetadata;
import java.nio.file.Path;

/**
 * Writes a model to a folder and reads it back: the serialized model, its feature spec and its
 * metadata. Writing goes to a temporary folder that is renamed into place, so a crash never
 * leaves half a model.
 */
public interface ModelFilesPort {

    /**
     * @param model the trained model
     * @param metadata what is known of it
     * @param folder the folder to create; it must not exist yet
     */
    void save(ForecastModel model, ModelMetadata metadata, Path folder);

    /**
     * @param folder a folder written by {@link #save}
     * @return the model, ready to forecast
     * @throws dev.aapl.core.domain.AaplException when the folder is missing or corrupt
     */
    ForecastModel load(Path folder);

    /**
     * @param folder a folder written by {@link #save}
     * @return the metadata saved with the model
     * @throws dev.aapl.core.domain.AaplException when the folder is missing or corrupt
     */
    ModelMetadata readMetadata(Path folder);
}
