// Win-Win Explorer platform: text entry and the clipboard for the canvas.
//
// Index
//   - install_text_input ... once, after ImGui's context exists
//   - flush_text_input ..... before each ImGui::NewFrame: hand the entered text to ImGui
//   - update_text_input .... after each frame: focus or release the hidden field (scale:
//                            CSS px per ImGui unit)
//   - text_input_focused ... whether typed characters arrive through the field
//
// A canvas is not an editable element, so browsers start no input method on it and send it
// no paste; Emscripten 3.1.6's GLFW also stubs out the clipboard. While ImGui wants text
// (io.WantTextInput), a transparent <input> element over the canvas holds the focus: IME
// compositions (Chinese, Japanese, ...), dictation and pasted text reach ImGui through it
// as UTF-8, and it is placed at ImGui's caret so the IME's candidate window appears there.
// Keys (arrows, Backspace, Enter, shortcuts) still come through GLFW's window listeners.
// Copying from ImGui writes the system clipboard; pasting comes from the browser's paste
// event (ImGui's own Ctrl+V reads an empty clipboard, so text is never inserted twice).
#pragma once

namespace wwe::platform {

void install_text_input();
void flush_text_input();
void update_text_input(bool wants_text, float scale);
bool text_input_focused();

}  // namespace wwe::platform
