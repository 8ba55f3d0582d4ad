namespace MyStamp.BuildingBlocks.Imaging;

/// <summary>What an image is to the person who sent it, so that every refusal names their field and their word for it.</summary>
/// <param name="Field">The form or JSON field the image came in, e.g. <c>photo</c>.</param>
/// <param name="Noun">How a message calls it, e.g. "photo" or "identity document".</param>
public sealed record ImageSubject(string Field, string Noun);
