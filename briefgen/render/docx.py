def render_docx(plan, layout): raise NotImplementedError
