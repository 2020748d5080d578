use super::index::TopicMeta;
use bank_format::Chunk;

/// Where a topic's chunk is served, relative to the page.
pub fn chunk_path(topic: &TopicMeta) -> String {
    format!("bank/{}", topic.chunk)
}

/// Decodes a fetched chunk and checks it is the one asked for.
pub fn decode_chunk(topic: &TopicMeta, json: &str) -> Result<Chunk, String> {
    let chunk: Chunk = serde_json::from_str(json).map_err(|e| {
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
