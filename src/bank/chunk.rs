use super::index::TopicMeta;
use bank_format::json::Json;
use bank_format::Chunk;

/// Where a topic's chunk is served, relative to the app's page.
pub fn chunk_path(topic: &TopicMeta) -> String {
    format!("bank/{}", topic.chunk)
}

/// Reads a fetched chunk (already parsed by the browser) and checks it is the one asked for.
pub fn read_chunk<J: Json>(topic: &TopicMeta, doc: &J) -> Result<Chunk, String> {
    let chunk = bank_format::decode_chunk(doc).map_err(|e| {
        format!(
            "The questions for “{}” could not be read ({e}).",
            topic.title
        )
    })?;
    if chunk.topic != topic.id {
        return Err(format!(
            "Expected the questions for “{}” but got “{}”.",
            topic.title, chunk.topic
        ));
    }
    Ok(chunk)
}
